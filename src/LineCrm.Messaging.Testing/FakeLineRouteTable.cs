namespace LineCrm.Messaging.Testing;

/// <summary>
/// Every operation of LINE's OpenAPI document as a route (method, host, path template), with its handler. Routes
/// come from the document, so all operations exist from the start; an operation without a handler of its own
/// answers its documented success status with <c>{}</c>. Add behaviour with <see cref="Handle"/>.
/// </summary>
public sealed class FakeLineRouteTable
{
    private readonly List<FakeLineRoute> _routes = [];
    private readonly Dictionary<string, FakeLineRoute> _byOperation = new(StringComparer.Ordinal);

    /// <summary>Builds one route per operation of <paramref name="document"/>.</summary>
    public FakeLineRouteTable(LineOpenApiDocument document)
    {
        foreach (var operation in document.Operations)
        {
            var route = new FakeLineRoute(operation, operation.PathTemplate.Trim('/').Split('/'));
            _routes.Add(route);
            _byOperation[operation.OperationId] = route;
        }
    }

    /// <summary>Every route.</summary>
    public IReadOnlyList<FakeLineRoute> Routes => _routes;

    /// <summary>Sets the handler of <paramref name="operationId"/>.</summary>
    /// <exception cref="ArgumentException">The document has no such operation.</exception>
    public FakeLineRouteTable Handle(string operationId, FakeLineHandler handler)
    {
        if (!_byOperation.TryGetValue(operationId, out var route))
        {
            throw new ArgumentException($"The OpenAPI document has no operation '{operationId}'.", nameof(operationId));
        }

        route.Handler = handler;
        return this;
    }

    /// <summary>The route for a request, with its path parameters; literal segments win over parameters.</summary>
    public (FakeLineRoute Route, IReadOnlyDictionary<string, string> PathParameters)? Match(string method, FakeLineHost host, string path)
    {
        var segments = path.Trim('/').Split('/');
        FakeLineRoute? best = null;
        var bestLiterals = -1;
        foreach (var route in _routes)
        {
            if (route.Operation.Host != host
                || !string.Equals(route.Operation.Method, method, StringComparison.OrdinalIgnoreCase)
                || route.Segments.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                if (IsParameter(route.Segments[i]))
                {
                    continue;
                }

                matches = string.Equals(route.Segments[i], segments[i], StringComparison.Ordinal);
                literals++;
            }

            if (matches && literals > bestLiterals)
            {
                best = route;
                bestLiterals = literals;
            }
        }

        if (best is null)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            if (IsParameter(best.Segments[i]))
            {
                parameters[best.Segments[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
        }

        return (best, parameters);
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}

/// <summary>One operation's route and handler.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Segments">The path template's segments.</param>
public sealed record FakeLineRoute(LineOpenApiOperation Operation, string[] Segments)
{
    /// <summary>The behaviour; null answers the documented success status with <c>{}</c>.</summary>
    public FakeLineHandler? Handler { get; set; }
}

/// <summary>Plays one LINE operation: reads the call, changes the fake's state, returns the answer.</summary>
public delegate FakeLineReply FakeLineHandler(FakeLineCall call);
