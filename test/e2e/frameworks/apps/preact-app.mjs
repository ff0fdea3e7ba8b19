// A Preact 10 page (h, no JSX step), rendered by preact-render-to-string and hydrated in the browser.
import { h } from 'preact';
import { useState } from 'preact/hooks';

export const PHONE = '01 23 45 67 89';

export function App() {
  const [count, setCount] = useState(0);
  return h('main', { id: 'app' }, [
    h('p', { id: 'text' }, `Call us: ${PHONE}`),
    h('a', { id: 'call', href: 'tel:+33123456789', 'aria-label': `Call ${PHONE}` }, PHONE),
    h('button', { id: 'inc', onClick: () => setCount(count + 1) }, 'More'),
    h('p', { id: 'count' }, `Clicked ${count} times, call ${PHONE}`),
  ]);
}
