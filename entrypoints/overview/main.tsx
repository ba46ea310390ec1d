import { render } from 'preact';
import { Overview } from '@/components/overview/Overview';
import './overview.css';

render(<Overview />, document.getElementById('app') as HTMLElement);
