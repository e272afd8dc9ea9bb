using System.Reflection;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Testing;
using LineCrm.Testing;

namespace LineCrm.Messaging.Tests.Client;

public sealed class OperationCoverageTests(ITestOutputHelper output)
{
    /// <summary>The operations issue 3 promises.</summary>
    private static readonly string[] Promised =
    [
        "replyMessage", "pushMessage", "multicast", "narrowcast", "getNarrowcastProgress", "broadcast",
        "validateReply", "validatePush", "validateMulticast", "validateNarrowcast", "validateBroadcast",
        "getMessageQuota", "getMessageQuotaConsumption", "getNumberOfSentReplyMessages", "getNumberOfSentPushMessages",
        "getNumberOfSentMulticastMessages", "getNumberOfSentBroadcastMessages", "getProfile", "getFollowers",
        "getBotInfo", "showLoadingAnimation", "markMessagesAsRead", "markMessagesAsReadByToken", "issueLinkToken",
    ];

    [Fact]
    public void The_client_implements_every_promised_operation_of_messaging_api_yml_and_lists_the_rest()
    {
        var document = LineOpenApiDocument.Load(SharedData.Require("line-openapi/messaging-api.yml"));
        var inSpec = document.Operations.Select(operation => operation.OperationId).ToHashSet(StringComparer.Ordinal);
        var implemented = Implemented();

        Assert.Equal(73, inSpec.Count);
        // Every attribute names a real operationId of one of the four platform documents the client covers.
        var platform = new[] { "manage-audience.yml", "insight.yml", "channel-access-token.yml" }
            .SelectMany(file => LineOpenApiDocument.Load(SharedData.Require("line-openapi/" + file)).Operations)
            .Select(operation => operation.OperationId)
            .Concat(inSpec)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(implemented.Except(platform));
        Assert.Empty(Promised.Except(implemented));

        implemented.IntersectWith(inSpec);
        var missing = inSpec.Except(implemented).Order(StringComparer.Ordinal).ToArray();
        output.WriteLine($"{implemented.Count} of {inSpec.Count} operations implemented; not yet ({missing.Length}):");
        output.WriteLine(string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Each_operation_is_implemented_by_exactly_one_virtual_method()
    {
        var methods = OperationMethods();

        Assert.All(methods, method => Assert.True(method.IsVirtual && !method.IsFinal, $"{method.Name} must be virtual for mocking"));
        var duplicates = methods.GroupBy(m => m.GetCustomAttribute<LineOperationAttribute>()!.OperationId).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    private static HashSet<string> Implemented() =>
        OperationMethods().Select(m => m.GetCustomAttribute<LineOperationAttribute>()!.OperationId).ToHashSet(StringComparer.Ordinal);

    private static MethodInfo[] OperationMethods() =>
        [.. typeof(LineMessagingClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<LineOperationAttribute>() is not null)];
}
