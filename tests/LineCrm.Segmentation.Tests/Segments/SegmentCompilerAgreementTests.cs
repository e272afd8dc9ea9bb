using FsCheck;
using FsCheck.Fluent;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>
/// The compiled paths (column tests + compiled rest over the whole table, and the per-person delegate) give the
/// same answer as the reference interpreter for every person: included, excluded, or an error.
/// </summary>
public sealed class SegmentCompilerAgreementTests
{
    private enum Outcome
    {
        Excluded,
        Included,
        Error,
    }

    [Fact]
    public void Compiled_and_interpreted_segments_agree_for_every_person() =>
        Prop.ForAll(
            RandomMembers.Tables().ToArbitrary(),
            RandomSegments.Predicates().ToArbitrary(),
            Gen.Choose(-20, 20).Select(d => d * 20).ToArbitrary(),
            (table, segment, nowDay) =>
            {
                var now = RandomMembers.Epoch.AddDays(nowDay).UtcTicks;
                var program = SegmentProgram.Compile(segment);
                var all = program.EvaluateAll(table, now);
                foreach (var person in table.Persons)
                {
                    var row = table.RowOf(person);
                    var expected = Run(() => (bool)SegmentInterpreter.Evaluate(segment, table, row, now));
                    var one = Run(() => program.EvaluateOne(table, row, now));
                    var inAll = Bits.Get(all.Errors, row) ? Outcome.Error : Bits.Get(all.Included, row) ? Outcome.Included : Outcome.Excluded;
                    Assert.True(expected == one, $"{person}: interpreter {expected}, per-person delegate {one} for {segment}");
                    Assert.True(expected == inAll, $"{person}: interpreter {expected}, whole-table {inAll} for {segment}");
                }
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    private static Outcome Run(Func<bool> evaluate)
    {
        try
        {
            return evaluate() ? Outcome.Included : Outcome.Excluded;
        }
        catch (CelRuntimeError)
        {
            return Outcome.Error;
        }
    }
}
