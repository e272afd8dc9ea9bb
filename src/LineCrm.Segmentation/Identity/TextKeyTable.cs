using System.Buffers.Binary;
using System.Text;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Free-text values (web member ids, store cards, custom types) stored as UTF-8 in one byte arena, with an
/// open-addressing table of (hash, record offset) words. Each arena record is the node (4 bytes), the length
/// (2 bytes) and the bytes, so a lookup reads the table slot and then one place in the arena: two cache misses
/// at tens of millions of values, where a separate entry array made three. A card number of 12 characters costs
/// 18 bytes of arena and 8 to 16 of table, instead of a 50-byte string object and a dictionary entry.
/// </summary>
internal sealed class TextKeyTable : KeyTable
{
    private const int Header = 6;
    private ulong[] _slots = new ulong[16];
    private int _mask = 15;
    private int _count;
    private byte[] _arena = new byte[256];
    private int _used;

    public override int Count => _count;

    public override uint HashOf(string value) => HashText(value);

    public override void Touch(uint hash) => CachePrefetch.Line(ref _slots[(int)hash & _mask]);

    public override void TouchValue(uint hash)
    {
        var stored = _slots[(int)hash & _mask];
        if (stored != 0)
        {
            CachePrefetch.Line(ref _arena[Offset(stored)]);
        }
    }

    public override int Find(string value, uint? hash)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        utf8 = utf8[..Encoding.UTF8.GetBytes(value, utf8)];
        var slot = Probe(utf8, hash ?? HashOf(value));
        var stored = _slots[slot];
        return stored == 0 ? -1 : NodeAt(Offset(stored));
    }

    public override int Claim(string value, uint? hash, int node, int[] nodeKey, out int key)
    {
        key = -1;
        EnsureCapacity(_count + 1, nodeKey);
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        utf8 = utf8[..Encoding.UTF8.GetBytes(value, utf8)];
        var fullHash = hash ?? HashOf(value);
        var slot = Probe(utf8, fullHash);
        if (_slots[slot] != 0)
        {
            return NodeAt(Offset(_slots[slot]));
        }

        var offset = Append(utf8, node);
        _slots[slot] = ((ulong)fullHash << 32) | (uint)(offset + 1);
        key = offset;
        _count++;
        return -1;
    }

    public override void Renumber(int key, int node) => BinaryPrimitives.WriteInt32LittleEndian(_arena.AsSpan(key), node);

    public override void Remove(int node, int[] nodeKey)
    {
        // The record stays in the arena until the next snapshot load compacts it.
        var offset = nodeKey[node];
        var slots = _slots;
        // Rare enough to decode the value again for its hash (the table hashes text, not the UTF-8 it keeps).
        var hole = (int)HashOf(Encoding.UTF8.GetString(BytesAt(offset))) & _mask;
        while (Offset(slots[hole]) != offset)
        {
            hole = (hole + 1) & _mask;
        }

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

    public override string GetValue(int node, int[] nodeKey) => Encoding.UTF8.GetString(BytesAt(nodeKey[node]));

    public override void EnsureCapacity(int count, int[] nodeKey)
    {
        var capacity = CapacityFor(count);
        if (capacity <= _mask + 1)
        {
            return;
        }

        var slots = LargeArray.New<ulong>(capacity);
        var mask = capacity - 1;
        foreach (var stored in _slots)
        {
            if (stored != 0)
            {
                var slot = (int)(stored >> 32) & mask;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = stored;
            }
        }

        _slots = slots;
        _mask = mask;
    }

    // The slot holding utf8, or the empty slot where it would go.
    private int Probe(ReadOnlySpan<byte> utf8, uint hash)
    {
        var slots = _slots;
        var slot = (int)hash & _mask;
        while (true)
        {
            var stored = slots[slot];
            if (stored == 0 || ((uint)(stored >> 32) == hash && BytesAt(Offset(stored)).SequenceEqual(utf8)))
            {
                return slot;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Append(ReadOnlySpan<byte> utf8, int node)
    {
        var size = Header + utf8.Length;
        if ((long)_used + size > Array.MaxLength)
        {
            throw new InvalidOperationException($"An identity graph holds at most {Array.MaxLength} bytes of text values of one type.");
        }

        if (_used + size > _arena.Length)
        {
            LargeArray.Resize(ref _arena, (int)Math.Min(Array.MaxLength, Math.Max(_used + size, _arena.Length + (_arena.Length / 2L))));
        }

        var offset = _used;
        BinaryPrimitives.WriteInt32LittleEndian(_arena.AsSpan(offset), node);
        BinaryPrimitives.WriteUInt16LittleEndian(_arena.AsSpan(offset + 4), (ushort)utf8.Length);
        utf8.CopyTo(_arena.AsSpan(offset + Header));
        _used += size;
        return offset;
    }

    private static int Offset(ulong stored) => (int)(uint)stored - 1;

    private int NodeAt(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_arena.AsSpan(offset));

    private ReadOnlySpan<byte> BytesAt(int offset)
        => _arena.AsSpan(offset + Header, BinaryPrimitives.ReadUInt16LittleEndian(_arena.AsSpan(offset + 4)));
}
