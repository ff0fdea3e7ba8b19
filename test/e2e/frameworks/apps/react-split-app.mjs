// A number written as two JSX expressions: React's server HTML separates them with <!-- -->.
import { createElement as h } from 'react';

const prefix = '01 23';
const rest = '45 67 89';

export function App() {
  return h('main', null, h('p', { id: 'split', className: 'mgt-number' }, 'Tél. ', prefix, ' ', rest));
}
