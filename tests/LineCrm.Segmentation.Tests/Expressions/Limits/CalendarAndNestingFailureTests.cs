using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>
/// Every failure is a <see cref="CelException"/>: names that are not time zones, offsets past 18 hours, and trees
/// deeper than the stack (the deepest cases run in a child process, <see cref="AdversarialLimitTests"/>).
/// </summary>
public sealed class CalendarAndNestingFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static object Evaluate(string text, CelLimits? limits = null)
    {
        var environment = CelEnvironment.Create(limits);
        return environment.Evaluate(environment.Compile(text), Activation.Empty);
    }

    [Theory]
    [InlineData("America")]
    [InlineData("Asia/")]
    [InlineData("Asia")]
    [InlineData("Etc")]
    [InlineData("../../etc/passwd")]
    [InlineData("posixrules/x")]
    [InlineData("Not/A_Zone")]
    [InlineData("")]
    public void A_name_that_is_not_a_time_zone_is_an_invalid_argument(string zone)
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate($"timestamp('2024-01-01T00:00:00Z').getHours('{zone}')"));
        Assert.Equal("invalid_argument", error.Kind);
    }

    [Theory]
    [InlineData("+99:00")]
    [InlineData("+18:01")]
    [InlineData("-19:00")]
    [InlineData("+05:60")]
    public void An_offset_past_18_hours_is_an_invalid_argument(string offset)
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate($"timestamp('2024-01-01T00:00:00Z').getHours('{offset}')"));
        Assert.Equal("invalid_argument", error.Kind);
        Assert.Contains("18:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+18:00", 18L)]
    [InlineData("-18:00", 6L)]
    [InlineData("09:30", 9L)]
    [InlineData("Asia/Tokyo", 9L)]
    public void Offsets_within_18_hours_and_real_zones_still_answer(string zone, long hours)
    {
        Assert.Equal(hours, Evaluate($"timestamp('2024-01-01T00:00:00Z').getHours('{zone}')"));
    }

    [Theory]
    [InlineData("America")]
    [InlineData("Asia/")]
    public void A_segment_with_a_folder_for_a_zone_compiles_and_reports_each_person_as_failed(string zone)
    {
        var segment = Segment.Compile($"lastClickAt.getHours('{zone}') >= 0");
        var table = new MemberTable();
        var person = table.Append(new Interaction(Identifier.WebMember("w"), Now, InteractionKind.Clicked));

        var result = segment.Evaluate(table, Now);

        Assert.True(result.Failed.Contains(person));
        Assert.Equal("invalid_argument", Assert.Throws<CelEvaluationException>(() => segment.Includes(table, person, Now)).Kind);
    }

    [Fact]
    public void Nesting_within_the_stack_parses_when_the_limit_is_raised()
    {
        Assert.Equal(1L, Evaluate(new string('(', 300) + "1" + new string(')', 300), new CelLimits { MaxNestingDepth = 1000 }));
    }

    [Fact]
    public void Nesting_past_the_configured_depth_names_the_limit_and_where()
    {
        var error = Assert.Throws<CelLimitExceededException>(() => Evaluate(new string('(', 101) + "1" + new string(')', 101)));
        Assert.Equal(nameof(CelLimits.MaxNestingDepth), error.LimitName);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Nesting_past_the_thread_stack_is_a_limit_error_on_a_small_stack()
    {
        // A 256 KiB thread runs out long before 20,000 levels: the parser must notice and say so, not crash.
        Exception? caught = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    Evaluate(new string('(', 20_000) + "1" + new string(')', 20_000), new CelLimits { MaxNestingDepth = int.MaxValue });
                }
                catch (Exception e)
                {
                    caught = e;
                }
            },
            256 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(1)));

        var limit = Assert.IsType<CelLimitExceededException>(caught);
        Assert.Equal(nameof(CelLimits.MaxNestingDepth), limit.LimitName);
    }
}
