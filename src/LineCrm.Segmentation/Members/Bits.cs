namespace LineCrm.Segmentation.Members;

/// <summary>Bit-per-row columns (blocked, tags, live rows) as <c>ulong</c> words: row <c>i</c> is bit <c>i % 64</c> of word <c>i / 64</c>.</summary>
internal static class Bits
{
    public static int WordsFor(int rows) => (rows + 63) >> 6;

    public static bool Get(ulong[] words, int row)
    {
        var word = row >> 6;
        return word < words.Length && (words[word] & (1UL << row)) != 0;
    }

    public static void Set(ref ulong[] words, int row, bool value)
    {
        var word = row >> 6;
        if (word >= words.Length)
        {
            if (!value)
            {
                return;
            }

            Array.Resize(ref words, Math.Max(word + 1, words.Length * 2));
        }

        if (value)
        {
            words[word] |= 1UL << row;
        }
        else
        {
            words[word] &= ~(1UL << row);
        }
    }
}
