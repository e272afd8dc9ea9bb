using System.Text;

namespace LineCrm.Segmentation.Ingestion;

/// <summary>
/// Reads a text one line at a time, as <see cref="TextReader.ReadLineAsync(CancellationToken)"/> does (a line ends at
/// <c>\n</c>, <c>\r</c> or <c>\r\n</c>), but never holds more than <c>maxLineLength</c> characters of a line: a
/// longer line is read on in chunks up to its end and dropped, and reported as <see cref="TooLong"/>.
/// </summary>
internal sealed class LineReader(TextReader reader, int maxLineLength)
{
    private const int ChunkSize = 16 * 1024;

    private readonly char[] _chunk = new char[ChunkSize];
    private readonly StringBuilder _pieces = new();
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    /// <summary>The 1-based number of the line last read.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The line last read; null when it was <see cref="TooLong"/>.</summary>
    public string? Line { get; private set; }

    /// <summary>Whether the line last read was longer than the limit (and so was skipped, not kept).</summary>
    public bool TooLong { get; private set; }

    /// <summary>Reads the next line; false at the end of the text.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled, checked once per line (a chunk in hand is not read on).</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _pieces.Clear();
        var length = 0L;
        var started = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return started && Finish(length, null);
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_chunk[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            started = true;
            var rest = _chunk.AsSpan(_start, _end - _start);
            var newline = rest.IndexOfAny('\r', '\n');
            var piece = newline < 0 ? rest : rest[..newline];
            length += piece.Length;
            if (newline < 0)
            {
                KeepIfShort(piece, length);
                _start = _end;
                continue;
            }

            _start += newline + 1;
            _skipLineFeed = rest[newline] == '\r';
            if (_pieces.Length == 0 && length == piece.Length && length <= maxLineLength)
            {
                return Finish(length, new string(piece)); // the whole line was in one chunk
            }

            KeepIfShort(piece, length);
            return Finish(length, null);
        }
    }

    private void KeepIfShort(ReadOnlySpan<char> piece, long length)
    {
        if (length <= maxLineLength)
        {
            _pieces.Append(piece);
        }
        else
        {
            _pieces.Clear(); // past the limit: what was kept of this line goes, and nothing more is kept
        }
    }

    private bool Finish(long length, string? whole)
    {
        LineNumber++;
        TooLong = length > maxLineLength;
        Line = TooLong ? null : whole ?? _pieces.ToString();
        return true;
    }
}
