namespace LineCrm.Segmentation.Identity;

/// <summary>
/// A write-only stream that keeps what is written as chunks of <see cref="ChunkSize"/> bytes (the last one shorter):
/// a snapshot bound for a store, which keeps it as rows of that size rather than one value of up to a gigabyte (more
/// than SQLite's and PostgreSQL's largest value). It cannot seek, so the snapshot measures its body first.
/// </summary>
internal sealed class SnapshotChunkWriter : Stream
{
    /// <summary>The size of every chunk but the last.</summary>
    public const int ChunkSize = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private byte[] _current = new byte[ChunkSize];
    private int _used;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The chunks written, the last one cut to its length; call once writing is done.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> ToChunks()
    {
        var all = new List<ReadOnlyMemory<byte>>(_chunks.Count + 1);
        all.AddRange(_chunks.Select(chunk => (ReadOnlyMemory<byte>)chunk));
        if (_used > 0)
        {
            all.Add(_current.AsSpan(0, _used).ToArray());
        }

        return all;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _used);
            buffer[..take].CopyTo(_current.AsSpan(_used));
            _used += take;
            _length += take;
            buffer = buffer[take..];
            if (_used == ChunkSize)
            {
                _chunks.Add(_current);
                _current = new byte[ChunkSize];
                _used = 0;
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>
/// A read-only, seekable stream over a snapshot's chunks as a store gave them back, so a load hashes the snapshot where
/// it lies and reads it a second time without copying it into one array.
/// </summary>
internal sealed class SnapshotChunkReader : Stream
{
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _chunks;
    private readonly long[] _starts;
    private long _position;

    public SnapshotChunkReader(IReadOnlyList<ReadOnlyMemory<byte>> chunks)
    {
        _chunks = chunks;
        _starts = new long[chunks.Count + 1];
        for (var i = 0; i < chunks.Count; i++)
        {
            _starts[i + 1] = _starts[i] + chunks[i].Length;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _starts[^1];

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = 0;
        while (!buffer.IsEmpty && _position < Length)
        {
            // The chunk holding the position: the last start at or before it.
            var chunk = Array.BinarySearch(_starts, _position);
            chunk = chunk >= 0 ? chunk : ~chunk - 1;
            while (_chunks[chunk].Length == 0 || _starts[chunk + 1] <= _position)
            {
                chunk++;
            }

            var within = (int)(_position - _starts[chunk]);
            var take = Math.Min(buffer.Length, _chunks[chunk].Length - within);
            _chunks[chunk].Span.Slice(within, take).CopyTo(buffer);
            buffer = buffer[take..];
            _position += take;
            read += take;
        }

        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
