using LineCrm.Testing;

namespace LineCrm.Messaging.Tests;

public sealed class PackageRulesTests
{
    [Fact]
    public void Messaging_never_depends_on_Segmentation()
    {
        var assembly = typeof(LineCrm.Messaging.Client.LineMessagingClient).Assembly;
        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions");
        PackageRules.AssertThirdPartyOnly(assembly, "Microsoft.Extensions.", "Polly");
    }
}
