using LineCrm.Testing;

namespace LineCrm.Campaigns.Tests;

public sealed class PackageRulesTests
{
    [Fact]
    public void Campaigns_depends_on_the_packages_it_glues_and_MathNet_only()
    {
        var assembly = typeof(CampaignId).Assembly;
        PackageRules.AssertReferencesOnly(assembly, "LineCrm.Abstractions", "LineCrm.Messaging", "LineCrm.Segmentation");
        PackageRules.AssertThirdPartyOnly(assembly, "MathNet.Numerics");
    }
}
