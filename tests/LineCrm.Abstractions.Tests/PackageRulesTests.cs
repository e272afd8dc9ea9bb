using LineCrm.Identity;
using LineCrm.Testing;

namespace LineCrm.Abstractions.Tests;

public sealed class PackageRulesTests
{
    [Fact]
    public void Abstractions_depends_on_the_BCL_only()
    {
        var assembly = typeof(Identifier).Assembly;
        PackageRules.AssertReferencesOnly(assembly);
        PackageRules.AssertThirdPartyOnly(assembly);
    }
}
