// A React page that renders the number itself with mgt-call-tracking/react (the shipped dist/).
// The hook's value goes in an element marked data-mgt-ignore, as documented: the module leaves it alone.
import { createElement as h, useState } from 'react';
import { TrackedNumber, useTrackedNumber } from '../../../../dist/react.js';

export const PHONE = '01 23 45 67 89';

export function App() {
  const [count, setCount] = useState(0);
  const hooked = useTrackedNumber(PHONE);
  return h(
    'main',
    null,
    h('p', { id: 'hooked', 'data-mgt-ignore': '' }, `Call ${hooked}`),
    h(TrackedNumber, { number: PHONE, link: true, className: 'phone' }),
    h('button', { id: 'inc', onClick: () => setCount(count + 1) }, `Clicked ${count}`),
  );
}
