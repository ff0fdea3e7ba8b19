// mgt 0.1.0: mgt-call-tracking/vue
import type { DefineComponent, MaybeRefOrGetter, Ref } from 'vue';

/**
 * The tracked number for `original` (as written in your mgt config): `original` on the server,
 * during hydration and until the module has decided; the tracked number after; `original` again
 * after `mgt('restore')`.
 */
export declare function useTrackedNumber(original: MaybeRefOrGetter<string>): Readonly<Ref<string>>;

/** `<TrackedNumber number="01 23 45 67 89" link />`: the number, tracked once the module has decided. */
export declare const TrackedNumber: DefineComponent<{
  /** The original number, as written in the page and in your config. */
  number: { type: StringConstructor; required: true };
  /** Render a `tel:` link (`<a href="tel:…">`) instead of a `<span>`. */
  link: BooleanConstructor;
}>;
