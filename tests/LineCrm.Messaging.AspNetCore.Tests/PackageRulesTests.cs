using LineCrm.Testing;

namespace LineCrm.Messaging.AspNetCore.Tests;

public sealed class PackageRulesTests
{
    [Fact]
    public void The_endpoint_depends_on_Messaging_and_ASP_NET_Core_only()
    {
        var assembly = typeof(LineCrm.Messaging.AspNetCore.LineWebhookOptions).Assembly;
        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions", "LineCrm.Messaging");
        PackageRules.AssertThirdPartyOnly(assembly, "Microsoft.Extensions.", "Microsoft.AspNetCore.", "Microsoft.Net.Http.Headers", "Polly");
    }
}
