using System.Runtime.InteropServices;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Values that are a fixed prefix and a fixed number of lowercase hex digits (LINE user ids, SHA-256 hashes),
/// stored as the machine words the digits encode: a LINE id costs 16 bytes instead of a 33-character string.
/// Open addressing with linear probing; each slot holds the key words and a word of the value's hash (high half)
/// and node + 1 (low half, 0 for an empty slot), so a lookup touches one cache line of the table, and growing or
/// removing never rehashes a value.
/// </summary>
internal sealed class FixedKeyTable : KeyTable
{
    private readonly string _prefix;
    private readonly int _words;
    private readonly int _stride;
    private ulong[] _slots;
    private int _mask;
    private int _count;

    /// <param name="prefix">The text before the digits (<c>U</c> for LINE ids).</param>
    /// <param name="hexDigits">The number of hex digits, a multiple of 16.</param>
    public FixedKeyTable(string prefix, int hexDigits)
    {
        _prefix = prefix;
        _words = hexDigits / 16;
        _stride = _words + 1;
        _slots = new ulong[16 * _stride];
        _mask = 15;
    }

    public override int Count => _count;

    public override uint HashOf(string value) => HashText(value.AsSpan(_prefix.Length));

    public override void Touch(uint hash)
    {
        // First and last word: a slot of 24 or 40 bytes may straddle two cache lines.
        var at = ((int)hash & _mask) * _stride;
        CachePrefetch.Line(ref _slots[at]);
        CachePrefetch.Line(ref _slots[at + _words]);
    }

    public override int Find(string value, uint? hash)
    {
        Span<ulong> key = stackalloc ulong[4];
        key = key[.._words];
        Encode(value, key);
        var stored = _slots[(Probe(key, hash ?? HashOf(value)) * _stride) + _words];
        return stored == 0 ? -1 : NodeOf(stored);
    }

    public override int Claim(string value, uint? hash, int node, int[] nodeKey, out int key)
    {
        EnsureCapacity(_count + 1, nodeKey);
        Span<ulong> words = stackalloc ulong[4];
        words = words[.._words];
        Encode(value, words);
        var fullHash = hash ?? HashOf(value);
        var slot = Probe(words, fullHash);
        var at = slot * _stride;
        var stored = _slots[at + _words];
        key = -1;
        if (stored != 0)
        {
            return NodeOf(stored);
        }

        words.CopyTo(_slots.AsSpan(at, _words));
        _slots[at + _words] = Stored(fullHash, node);
        key = slot;
        _count++;
        return -1;
    }

    // The slot holding key, or the empty slot where it would go.
    private int Probe(ReadOnlySpan<ulong> key, uint hash)
    {
        var slots = _slots;
        var slot = (int)hash & _mask;
        while (true)
        {
            var at = slot * _stride;
            var stored = slots[at + _words];
            if (stored == 0 || ((uint)(stored >> 32) == hash && slots.AsSpan(at, _words).SequenceEqual(key)))
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public override void Renumber(int key, int node)
    {
        ref var stored = ref _slots[(key * _stride) + _words];
        stored = Stored((uint)(stored >> 32), node);
    }

    public override void Remove(int node, int[] nodeKey)
    {
        var hole = nodeKey[node];
        var slots = _slots;
        slots.AsSpan(hole * _stride, _stride).Clear();
        _count--;
        var at = hole;
        while (true)
        {
            at = (at + 1) & _mask;
            var stored = slots[(at * _stride) + _words];
            if (stored == 0)
            {
                return;
            }

            if (!StaysPut((int)(stored >> 32) & _mask, hole, at))
            {
                slots.AsSpan(at * _stride, _stride).CopyTo(slots.AsSpan(hole * _stride, _stride));
                slots.AsSpan(at * _stride, _stride).Clear();
                nodeKey[NodeOf(stored)] = hole;
                hole = at;
            }
        }
    }

    public override string GetValue(int node, int[] nodeKey)
    {
        var key = _slots.AsSpan(nodeKey[node] * _stride, _words);
        return string.Concat(_prefix, Convert.ToHexStringLower(MemoryMarshal.AsBytes(key)));
    }

    public override void EnsureCapacity(int count, int[] nodeKey)
    {
        var capacity = CapacityFor(count);
        if (capacity <= _mask + 1)
        {
            return;
        }

        var slots = LargeArray.New<ulong>(checked((int)((long)capacity * _stride)));
        var mask = capacity - 1;
        for (var at = 0; at < _slots.Length; at += _stride)
        {
            var stored = _slots[at + _words];
            if (stored != 0)
            {
                Place(slots, mask, _slots.AsSpan(at, _words), stored, nodeKey);
            }
        }

        _slots = slots;
        _mask = mask;
    }

    private void Place(ulong[] slots, int mask, ReadOnlySpan<ulong> key, ulong stored, int[] nodeKey)
    {
        var slot = (int)(stored >> 32) & mask;
        while (slots[(slot * _stride) + _words] != 0)
        {
            slot = (slot + 1) & mask;
        }

        key.CopyTo(slots.AsSpan(slot * _stride, _words));
        slots[(slot * _stride) + _words] = stored;
        nodeKey[NodeOf(stored)] = slot;
    }

    private void Encode(string value, Span<ulong> key)
    {
        // The value was validated by its IdentifierType: the prefix and exactly 16 * words lowercase hex digits.
        LowerHex.Decode(value.AsSpan(_prefix.Length), MemoryMarshal.AsBytes(key));
    }

    // A slot's last word: the value's hash, and the node + 1 so that an empty slot is 0.
    private static ulong Stored(uint hash, int node) => ((ulong)hash << 32) | ((uint)node + 1);

    private static int NodeOf(ulong stored) => (int)((uint)stored - 1);
}
