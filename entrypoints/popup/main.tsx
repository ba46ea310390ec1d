import { render } from 'preact';
import { askFirst } from '@/components/popup/first-question';
import './popup.css';

// Ask the tab for its report first: the answer travels while the popup's views and validators load.
const first = askFirst();
void import('@/components/popup/Popup').then(({ Popup }) =>
  render(<Popup first={first} />, document.getElementById('app') as HTMLElement),
);
