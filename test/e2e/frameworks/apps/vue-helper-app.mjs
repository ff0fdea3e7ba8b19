// A Vue page that renders the number itself with mgt-call-tracking/vue (the shipped dist/).
import { defineComponent, h, ref } from 'vue';
import { TrackedNumber, useTrackedNumber } from '../../../../dist/vue.js';

export const PHONE = '01 23 45 67 89';

export const App = defineComponent({
  setup() {
    const count = ref(0);
    const hooked = useTrackedNumber(PHONE);
    return () =>
      h('main', [
        h('p', { id: 'hooked', 'data-mgt-ignore': '' }, `Call ${hooked.value}`),
        h(TrackedNumber, { number: PHONE, link: true, class: 'phone' }),
        h('button', { id: 'inc', onClick: () => count.value++ }, `Clicked ${count.value}`),
      ]);
  },
});
