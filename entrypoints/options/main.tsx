import { render } from 'preact';

render(
  <main>
    <h1>Kartra Sequence Auditor</h1>
    <p>Settings arrive with the next version: every rule runs with its default severity.</p>
  </main>,
  document.getElementById('app') as HTMLElement,
);
