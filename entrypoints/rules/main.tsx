import { render } from 'preact';
import { RulesPage } from '@/components/RulesPage';
import '@/components/theme.css';

render(<RulesPage />, document.getElementById('app') as HTMLElement);
