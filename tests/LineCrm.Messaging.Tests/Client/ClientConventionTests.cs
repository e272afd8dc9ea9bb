using System.Reflection;
using LineCrm.Messaging.Client;

namespace LineCrm.Messaging.Tests.Client;

/// <summary>
/// A "wholesome" test over the public model, as Stripe.net and the Azure SDK guidelines have: every client type can be
/// mocked, so every public instance member of it is virtual and there is a protected constructor for the mock to call.
/// </summary>
public sealed class ClientConventionTests
{
    /// <summary>The public classes named *Client: the clients a user would set up in a test.</summary>
    public static TheoryData<string> ClientTypes() => [.. ClientTypeNames()];

    [Fact]
    public void The_clients_are_found()
    {
        Assert.Contains(typeof(LineMessagingClient).FullName!, ClientTypeNames());
        Assert.Contains(typeof(LineCrm.Messaging.Tokens.LineChannelTokenClient).FullName!, ClientTypeNames());
    }

    [Theory]
    [MemberData(nameof(ClientTypes))]
    public void Every_public_instance_member_of_a_client_is_virtual(string typeName)
    {
        var type = typeof(LineMessagingClient).Assembly.GetType(typeName, throwOnError: true)!;

        var sealedMembers = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual || m.IsFinal)
            .Where(m => !IsDisposePattern(m)) // Dispose() stays non-virtual; Dispose(bool) is the virtual one.
            .Select(m => m.ToString())
            .ToList();

        Assert.True(sealedMembers.Count == 0, $"{type.Name} has members a mock cannot replace:\n" + string.Join('\n', sealedMembers));
    }

    [Theory]
    [MemberData(nameof(ClientTypes))]
    public void A_client_can_be_derived_from_with_a_protected_parameterless_constructor(string typeName)
    {
        var type = typeof(LineMessagingClient).Assembly.GetType(typeName, throwOnError: true)!;

        var constructor = type.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);

        Assert.False(type.IsSealed, $"{type.Name} is sealed");
        Assert.True(constructor is { IsFamily: true }, $"{type.Name} has no protected parameterless constructor");
    }

    private static List<string> ClientTypeNames() =>
        [.. typeof(LineMessagingClient).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .Select(t => t.FullName!)];

    private static bool IsDisposePattern(MethodInfo method) =>
        method.Name == nameof(IDisposable.Dispose) && method.GetParameters().Length == 0;
}
