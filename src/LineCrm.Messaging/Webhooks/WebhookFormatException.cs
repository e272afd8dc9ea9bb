namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A webhook body is not valid JSON, or its JSON does not have the shape of a LINE webhook (a field of the wrong
/// kind). Says where: the JSON path and, for broken JSON, the line and byte position.
/// </summary>
public sealed class WebhookFormatException : FormatException
{
    /// <summary>Makes an exception without details.</summary>
    public WebhookFormatException()
        : this("The webhook body is malformed.")
    {
    }

    /// <summary>Makes an exception with a message.</summary>
    /// <param name="message">What is wrong and where.</param>
    public WebhookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Makes an exception with a message and its cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The JSON reader's exception.</param>
    public WebhookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Makes an exception for a field of the wrong shape.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">The JSON path of the field, for example <c>$.events[2].timestamp</c>.</param>
    public WebhookFormatException(string message, string path)
        : base($"{message} (at {path})")
    {
        Path = path;
    }

    /// <summary>Makes an exception for JSON that does not parse.</summary>
    /// <param name="message">What the JSON reader said.</param>
    /// <param name="lineNumber">The 0-based line of the error.</param>
    /// <param name="bytePositionInLine">The 0-based byte offset in that line.</param>
    /// <param name="innerException">The JSON reader's exception.</param>
    public WebhookFormatException(string message, long? lineNumber, long? bytePositionInLine, Exception innerException)
        : base(message, innerException)
    {
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The JSON path of the offending value, when the JSON parsed but had the wrong shape.</summary>
    public string? Path { get; }

    /// <summary>The 0-based line of a JSON syntax error.</summary>
    public long? LineNumber { get; }

    /// <summary>The 0-based byte offset of a JSON syntax error in its line.</summary>
    public long? BytePositionInLine { get; }
}
