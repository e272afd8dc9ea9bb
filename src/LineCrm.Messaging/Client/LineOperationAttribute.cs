namespace LineCrm.Messaging.Client;

/// <summary>
/// Names the LINE OpenAPI <c>operationId</c> a client method implements, so the coverage of the API can be checked
/// against LINE's published OpenAPI documents by reading the attributes.
/// </summary>
/// <param name="operationId">The <c>operationId</c> as LINE's OpenAPI document spells it, for example <c>pushMessage</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class LineOperationAttribute(string operationId) : Attribute
{
    /// <summary>The <c>operationId</c>, for example <c>pushMessage</c>.</summary>
    public string OperationId { get; } = operationId;
}
