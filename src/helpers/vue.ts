// mgt-call-tracking/vue: a composable and a component that render a tracked number themselves.
// SSR-safe: the value is the original on the server and during hydration (it changes only in
// onMounted, which runs after hydration), so the hydration render matches the server's HTML.
import { defineComponent, h, onMounted, onUnmounted, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import { IGNORE, subscribe, telHref, trackedNumber } from './numbers';

/** The tracked number for `original` (as written in your config): `original` on the server and until the module decides. */
export function useTrackedNumber(original: MaybeRefOrGetter<string>): Readonly<Ref<string>> {
  const shown = ref(toValue(original));
  let stop = (): void => undefined;
  const update = (): void => {
    shown.value = trackedNumber(toValue(original));
  };
  onMounted(() => {
    stop = subscribe(update);
    update();
  });
  onUnmounted(() => stop());
  watch(() => toValue(original), update);
  return shown;
}

/** `<TrackedNumber number="01 23 45 67 89" link />`: the number, tracked once the module has decided. */
export const TrackedNumber = defineComponent({
  name: 'TrackedNumber',
  props: {
    /** The original number, as written in the page and in your config. */
    number: { type: String, required: true },
    /** Render a `tel:` link (`<a href="tel:…">`) instead of a `<span>`. */
    link: Boolean,
  },
  setup(props) {
    const shown = useTrackedNumber(() => props.number);
    return () => h(props.link ? 'a' : 'span', { href: props.link ? telHref(shown.value) : undefined, [IGNORE]: '' }, shown.value);
  },
});
