namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// A text made of pieces, some of them one character repeated many times, produced on demand: a 64 MiB line costs
/// nothing until it is read, and nothing after. Counts the characters handed out.
/// </summary>
internal sealed class GeneratedTextReader(params (string Text, long Repeat)[] pieces) : TextReader
{
    private int _piece;
    private long _offset; // within the current piece, in characters

    /// <summary>Characters handed out so far.</summary>
    public long Consumed { get; private set; }

    public static (string, long) Text(string text) => (text, 1);

    public static (string, long) Repeated(char c, long count) => (c.ToString(), count);

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _piece < pieces.Length)
        {
            var (text, repeat) = pieces[_piece];
            var length = text.Length * repeat;
            if (_offset == length)
            {
                (_piece, _offset) = (_piece + 1, 0);
                continue;
            }

            var n = (int)Math.Min(buffer.Length - written, length - _offset);
            if (text.Length == 1)
            {
                buffer.Slice(written, n).Fill(text[0]);
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    buffer[written + i] = text[(int)((_offset + i) % text.Length)];
                }
            }

            written += n;
            _offset += n;
        }

        Consumed += written;
        return written;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => throw new NotSupportedException("The readers under test never peek.");

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override string ReadLine() => throw new NotSupportedException("The readers under test read in chunks, never whole lines.");

    public override Task<string?> ReadLineAsync() => throw new NotSupportedException("The readers under test read in chunks, never whole lines.");

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        => throw new NotSupportedException("The readers under test read in chunks, never whole lines.");
}
