namespace LineCrm.Messaging.Testing;

/// <summary>One operation of the document.</summary>
/// <param name="OperationId">Its operationId.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path with <c>{parameters}</c>.</param>
/// <param name="Host">The host it is served on.</param>
/// <param name="RequestSchemaReference">The <c>$ref</c> of its JSON request body, if any.</param>
/// <param name="SuccessStatus">The lowest 2xx status it documents.</param>
public sealed record LineOpenApiOperation(
    string OperationId, string Method, string PathTemplate, FakeLineHost Host, string? RequestSchemaReference, int SuccessStatus)
{
    /// <summary>True when the operation takes no bearer token (the channel-token endpoints).</summary>
    public bool Anonymous { get; init; }
}
