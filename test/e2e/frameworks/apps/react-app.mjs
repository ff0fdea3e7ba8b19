// A Next.js-style page in React 19, plain createElement (no JSX step): rendered to a string on the
// server (the spec, in Node) and hydrated by react-client.mjs in the browser. Every place the
// number appears: text, tel: link, aria-label, a re-rendered text, a keyed list, a conditional, a
// portal (client only: portals do not render on the server).
import { createElement as h, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

export const PHONE = '01 23 45 67 89';

export function App() {
  const [count, setCount] = useState(0);
  const [items, setItems] = useState(['Paris', 'Lyon']);
  const [open, setOpen] = useState(true);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return h(
    'main',
    { id: 'app' },
    h('h1', null, 'Plumber'),
    h('p', { id: 'text', className: 'mgt-number' }, 'Call us: ', PHONE),
    h('a', { id: 'call', className: 'mgt-number', href: 'tel:+33123456789', 'aria-label': `Call ${PHONE}` }, PHONE),
    h('button', { id: 'inc', onClick: () => setCount(count + 1) }, 'More'),
    h('p', { id: 'count', className: 'mgt-number' }, `Clicked ${count} times, call ${PHONE}`),
    h('button', { id: 'add', onClick: () => setItems(['Nice', ...items]) }, 'Add'),
    h('ul', { id: 'list' }, items.map((c) => h('li', { key: c, className: 'mgt-number' }, `${c}: ${PHONE}`))),
    h('button', { id: 'toggle', onClick: () => setOpen(!open) }, 'Toggle'),
    open ? h('p', { id: 'cond', className: 'mgt-number' }, PHONE) : null,
    mounted ? createPortal(h('p', { id: 'portal' }, `Portal ${PHONE}`), document.getElementById('portal-target')) : null,
  );
}
