namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Interns the normalised values of one identifier type: value -> node number, node number -> value. Each type
/// gets the packing that suits its values (hex ids as machine words, free text as UTF-8), which is what keeps
/// tens of millions of identifiers within the memory budget. Tables record where a node's value lives in the
/// graph's <c>nodeKey</c> column, which they keep current when they move entries.
/// </summary>
internal abstract class KeyTable
{
    /// <summary>The number of values held.</summary>
    public abstract int Count { get; }

    /// <summary>The node of a normalised value, or -1 when the value is not held.</summary>
    public abstract int Find(string value);

    /// <summary>
    /// The node of a normalised value, or -1 after adding it for <paramref name="node"/>: one probe of the table
    /// where a find and then an add would make two.
    /// </summary>
    public abstract int FindOrAdd(string value, int node, int[] nodeKey);

    /// <summary>Adds a normalised value that is not held yet, for <paramref name="node"/>.</summary>
    public void Add(string value, int node, int[] nodeKey)
    {
        if (FindOrAdd(value, node, nodeKey) >= 0)
        {
            throw new InvalidOperationException($"The value '{value}' is held already.");
        }
    }

    /// <summary>Forgets the value of <paramref name="node"/>.</summary>
    public abstract void Remove(int node, int[] nodeKey);

    /// <summary>The normalised value of <paramref name="node"/>.</summary>
    public abstract string GetValue(int node, int[] nodeKey);

    /// <summary>Makes room for <paramref name="count"/> values without growing again.</summary>
    public abstract void EnsureCapacity(int count, int[] nodeKey);

    /// <summary>A slot count (power of two) that holds <paramref name="count"/> values at a load of at most 3/4.</summary>
    protected static int CapacityFor(int count)
    {
        var needed = Math.Max(16L, (count * 4L / 3) + 1);
        if (needed > 1 << 30)
        {
            throw new InvalidOperationException($"An identity graph holds at most {3 << 28} identifiers of one type.");
        }

        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed);
    }

    /// <summary>Whether slot <paramref name="home"/>'s entry may stay at <paramref name="at"/> when <paramref name="hole"/> empties (linear probing).</summary>
    protected static bool StaysPut(int home, int hole, int at)
        => hole <= at ? hole < home && home <= at : hole < home || home <= at;
}
