namespace LineCrm.Segmentation.Segments.Runtime;

/// <summary>
/// Splits a bitset's words into chunks and runs them on every core for large tables. A chunk is 1,024 words
/// (65,536 rows): big enough that scheduling costs nothing next to it, small enough that its part of the
/// candidate bitset stays in the L1 cache while each test of the predicate narrows it.
/// </summary>
internal static class WordChunks
{
    public const int WordsPerChunk = 1024;

    /// <summary>Below this many words (262,144 rows) one core finishes before others would have started.</summary>
    public const int ParallelThreshold = 4096;

    /// <summary>Runs <paramref name="body"/> over <c>[0, words)</c> in chunks, in parallel when worth it and allowed, checking for cancellation between chunks.</summary>
    public static void For(int words, Action<int, int> body, Parallelism parallelism)
    {
        if (words < ParallelThreshold || parallelism.IsSequential)
        {
            for (var from = 0; from < words; from += WordsPerChunk)
            {
                parallelism.ThrowIfCancellationRequested();
                body(from, Math.Min(words, from + WordsPerChunk));
            }

            return;
        }

        var chunks = (words + WordsPerChunk - 1) / WordsPerChunk;
        Parallel.For(0, chunks, parallelism.Options, chunk =>
        {
            var from = chunk * WordsPerChunk;
            body(from, Math.Min(words, from + WordsPerChunk));
        });
    }
}
