// A Nuxt-style page in Vue 3.5, render functions (no compiler step): rendered to a string on the
// server (the spec, in Node) and hydrated by vue-client.mjs. The number in text, a tel: link, an
// aria-label, a re-rendered text, a keyed list, a v-if, and a Teleport (client only).
import { defineComponent, h, onMounted, ref, Teleport } from 'vue';

export const PHONE = '01 23 45 67 89';

export const App = defineComponent({
  setup() {
    const count = ref(0);
    const items = ref(['Paris', 'Lyon']);
    const open = ref(true);
    const mounted = ref(false);
    onMounted(() => (mounted.value = true));
    return () =>
      h('main', { id: 'app' }, [
        h('h1', 'Plumber'),
        h('p', { id: 'text', class: 'mgt-number' }, `Call us: ${PHONE}`),
        h('a', { id: 'call', class: 'mgt-number', href: 'tel:+33123456789', 'aria-label': `Call ${PHONE}` }, PHONE),
        h('button', { id: 'inc', onClick: () => count.value++ }, 'More'),
        h('p', { id: 'count', class: 'mgt-number' }, `Clicked ${count.value} times, call ${PHONE}`),
        h('button', { id: 'add', onClick: () => (items.value = ['Nice', ...items.value]) }, 'Add'),
        h('ul', { id: 'list' }, items.value.map((c) => h('li', { key: c, class: 'mgt-number' }, `${c}: ${PHONE}`))),
        h('button', { id: 'toggle', onClick: () => (open.value = !open.value) }, 'Toggle'),
        open.value ? h('p', { id: 'cond', class: 'mgt-number' }, PHONE) : null,
        mounted.value ? h(Teleport, { to: '#portal-target' }, [h('p', { id: 'portal' }, `Portal ${PHONE}`)]) : null,
      ]);
  },
});
