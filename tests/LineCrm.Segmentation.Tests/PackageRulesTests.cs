using LineCrm.Testing;

namespace LineCrm.Segmentation.Tests;

public sealed class PackageRulesTests
{
    [Fact]
    public void Segmentation_never_depends_on_Messaging()
    {
        var assembly = typeof(LineCrm.Segmentation.Identity.IdentityGraph).Assembly;
        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions");
        PackageRules.AssertThirdPartyOnly(assembly);
    }
}
