using System.Reflection;
using LineCrm.Testing;

namespace LineCrm.Messaging.Testing.Tests;

public sealed class PackageRulesTests
{
    private static readonly Assembly Package = typeof(FakeLineServer).Assembly;

    [Fact]
    public void The_fake_server_depends_on_Messaging_ASP_NET_Core_and_YamlDotNet_only()
    {
        PackageRules.AssertReferencesOnly(Package, "LineCrm.Messaging");
        PackageRules.AssertThirdPartyOnly(Package, "Microsoft.Extensions.", "Microsoft.AspNetCore", "Microsoft.Net.Http.Headers", "YamlDotNet");
    }

    [Fact]
    public void The_fake_server_uses_Messaging_and_not_the_webhook_endpoint()
    {
        var references = Package.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.Contains("LineCrm.Messaging", references);
        Assert.DoesNotContain("LineCrm.Messaging.AspNetCore", references);
    }
}
