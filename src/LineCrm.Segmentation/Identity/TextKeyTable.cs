using System.Text;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Free-text values (web member ids, store cards, custom types) stored as UTF-8 in one byte arena, with an
/// open-addressing table of (hash, entry) words. A card number of 12 characters costs about 12 bytes of text,
/// 10 of bookkeeping and 8 to 16 of table, instead of a 50-byte string object and a dictionary entry.
/// </summary>
internal sealed class TextKeyTable : KeyTable
{
    private ulong[] _slots = new ulong[16];
    private int _mask = 15;
    private int _count;
    private byte[] _bytes = new byte[256];
    private int _used;
    private TextEntry[] _entry = new TextEntry[16];
    private int _entries;

    public override int Count => _count;

    public override int Find(string value)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        var entry = FindEntry(utf8[..length]);
        return entry < 0 ? -1 : _entry[entry].Node;
    }

    public override void Add(string value, int node, int[] nodeKey)
    {
        EnsureCapacity(_count + 1, nodeKey);
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        if ((long)_used + length > Array.MaxLength)
        {
            throw new InvalidOperationException($"An identity graph holds at most {Array.MaxLength} bytes of text values of one type.");
        }

        if (_used + length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(_used + length, _bytes.Length + (_bytes.Length / 2L))));
        }

        if (_entries == _entry.Length)
        {
            Array.Resize(ref _entry, _entries + (_entries / 2));
        }

        var entry = _entries++;
        utf8[..length].CopyTo(_bytes.AsSpan(_used));
        _entry[entry] = new TextEntry(_used, (ushort)length, node);
        _used += length;
        nodeKey[node] = entry;
        Place(_slots, _mask, ((ulong)Hash(utf8[..length]) << 32) | (uint)(entry + 1));
        _count++;
    }

    public override void Remove(int node, int[] nodeKey)
    {
        // The entry's bytes stay in the arena until the next snapshot load compacts them.
        var entry = nodeKey[node];
        var slots = _slots;
        var hole = FindSlot(entry);
        slots[hole] = 0;
        _count--;
        var at = hole;
        while (true)
        {
            at = (at + 1) & _mask;
            var stored = slots[at];
            if (stored == 0)
            {
                return;
            }

            if (!StaysPut((int)(stored >> 32) & _mask, hole, at))
            {
                slots[hole] = stored;
                slots[at] = 0;
                hole = at;
            }
        }
    }

    public override string GetValue(int node, int[] nodeKey)
    {
        var entry = nodeKey[node];
        return Encoding.UTF8.GetString(_bytes, _entry[entry].Start, _entry[entry].Length);
    }

    public override void EnsureCapacity(int count, int[] nodeKey)
    {
        var capacity = CapacityFor(count);
        if (capacity <= _mask + 1)
        {
            return;
        }

        var slots = new ulong[capacity];
        var mask = capacity - 1;
        foreach (var stored in _slots)
        {
            if (stored != 0)
            {
                Place(slots, mask, stored);
            }
        }

        _slots = slots;
        _mask = mask;
        if (_entry.Length < count)
        {
            Array.Resize(ref _entry, count);
        }
    }

    private int FindEntry(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var slots = _slots;
        var slot = (int)hash & _mask;
        while (true)
        {
            var stored = slots[slot];
            if (stored == 0)
            {
                return -1;
            }

            var entry = (int)(uint)stored - 1;
            if ((uint)(stored >> 32) == hash && _bytes.AsSpan(_entry[entry].Start, _entry[entry].Length).SequenceEqual(utf8))
            {
                return entry;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int FindSlot(int entry)
    {
        var slot = (int)Hash(_bytes.AsSpan(_entry[entry].Start, _entry[entry].Length)) & _mask;
        while ((int)(uint)_slots[slot] - 1 != entry)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private static void Place(ulong[] slots, int mask, ulong stored)
    {
        var slot = (int)(stored >> 32) & mask;
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = stored;
    }

    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return (uint)hash.ToHashCode();
    }
}

/// <summary>Where one value's UTF-8 lives in the arena, and its node: one read per comparison.</summary>
internal readonly record struct TextEntry(int Start, ushort Length, int Node);
