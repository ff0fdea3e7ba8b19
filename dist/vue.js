/*! mgt 0.1.0 | consent-aware call tracking | MIT */
import { defineComponent, h, ref, toValue, onMounted, onUnmounted, watch } from 'vue';
import { I as IGNORE, a as telHref, s as subscribe, t as trackedNumber } from './helpers-numbers.js';

// mgt-call-tracking/vue: a composable and a component that render a tracked number themselves.
// SSR-safe: the value is the original on the server and during hydration (it changes only in
// onMounted, which runs after hydration), so the hydration render matches the server's HTML.
/** The tracked number for `original` (as written in your config): `original` on the server and until the module decides. */
function useTrackedNumber(original) {
    const shown = ref(toValue(original));
    let stop = () => undefined;
    const update = () => {
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
const TrackedNumber = defineComponent({
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

export { TrackedNumber, useTrackedNumber };
