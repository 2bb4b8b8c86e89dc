package lessonbook.workers;

/**
 * What a pool's worker runs for {@code starmap}: the user's two-argument function applied to an input that is
 * an argument pair, as Python's starmap spreads a tuple into a call.
 */
record Spread<A, B, R>(SerializableBiFunction<A, B, R> fn) implements SerializableFunction<Object[], R> {
    @Override
    @SuppressWarnings("unchecked")
    public R apply(Object[] arguments) {
        return fn.apply((A) arguments[0], (B) arguments[1]);
    }
}
