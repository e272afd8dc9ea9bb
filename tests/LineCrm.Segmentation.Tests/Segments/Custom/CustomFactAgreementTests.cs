using FsCheck;
using FsCheck.Fluent;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments.Custom;

/// <summary>
/// Custom facts through the whole pipeline, against the CEL engine's reference interpreter: generated segments over
/// a schema with a custom fact of every type and a list of records, on random tables (values unset, persons merged),
/// compiled for all and for one, and each person's answer (in, out or an error) equal to the interpreter's.
/// </summary>
public sealed class CustomFactAgreementTests
{
    [Fact]
    public void Compiled_segments_over_custom_facts_agree_with_the_reference_interpreter()
    {
        var environment = MemberSchema.Create(CelLimits.Default, CustomFactData.Schema);
        Prop.ForAll(
            CustomFactData.Tables().ToArbitrary(),
            CustomFactSegments.Predicates().ToArbitrary(),
            Gen.Choose(-20, 20).Select(d => d * 20).ToArbitrary(),
            (table, text, nowDay) =>
            {
                var now = CustomFactData.Epoch.AddDays(nowDay);
                var segment = Segment.Compile(text, CustomFactData.Schema);
                Assert.True(segment.IsCompiled, $"{text} was not compiled: {segment.InterpretedBecause}");
                ReferenceAgreement.AssertAgrees(segment, environment, table, now);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void The_generated_segments_reach_every_outcome()
    {
        // Guards the property above against a generator that only ever produces one answer.
        var outcomes = new HashSet<Outcome>();
        var tables = CustomFactData.Tables().Sample(30, 200);
        var texts = CustomFactSegments.Predicates().Sample(30, 200);
        foreach (var (table, text) in tables.Zip(texts))
        {
            var result = Segment.Compile(text, CustomFactData.Schema).Evaluate(table, CustomFactData.Epoch);
            foreach (var person in table.Persons)
            {
                outcomes.Add(ReferenceAgreement.OutcomeOf(result, person));
            }
        }

        Assert.Equal(3, outcomes.Count);
    }
}
