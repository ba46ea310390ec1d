import { render } from 'preact';
import { OptionsPage } from '@/components/options/OptionsPage';
import './options.css';

render(<OptionsPage />, document.getElementById('app') as HTMLElement);
