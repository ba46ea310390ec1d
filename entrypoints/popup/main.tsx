import { render } from 'preact';
import { askFirst } from '@/components/popup/first-question';
import { Popup } from '@/components/popup/Popup';
import './popup.css';

// Ask the tab for its report first: the answer travels while the popup draws its first frame.
const first = askFirst();
render(<Popup first={first} />, document.getElementById('app') as HTMLElement);
