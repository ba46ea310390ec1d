import { render } from 'preact';
import { Popup, requestInitialState } from '@/components/popup/Popup';
import './popup.css';

// Ask the tab for its report first: the answer travels while the popup draws its first frame.
const initial = requestInitialState();
render(<Popup initial={initial} />, document.getElementById('app') as HTMLElement);
