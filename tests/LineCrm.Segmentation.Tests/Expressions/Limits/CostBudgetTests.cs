using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Evaluation.Library;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>The cost budget: what the interpreter and the standard functions charge, and what each limit error says.</summary>
public sealed class CostBudgetTests
{
    private static CelLimitExceededException Exceeds(string text, CelLimits limits)
    {
        var environment = CelEnvironment.Create(limits);
        var compiled = environment.Compile(text);
        return Assert.Throws<CelLimitExceededException>(() => environment.Evaluate(compiled, Activation.Empty));
    }

    private static object Evaluate(string text, CelLimits? limits = null)
    {
        var environment = CelEnvironment.Create(limits);
        return environment.Evaluate(environment.Compile(text), Activation.Empty);
    }

    [Fact]
    public void String_concatenation_past_the_allocation_budget_is_refused_at_the_operator()
    {
        var error = Exceeds("['" + new string('a', 100) + "'].map(s, s + s + s + s).size()", new CelLimits { MaxAllocationBytes = 1000 });

        Assert.Equal(nameof(CelLimits.MaxAllocationBytes), error.LimitName);
        Assert.Equal(1000, error.Limit);
        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 1, "the error points at the + that went past, not at the start");
        Assert.Contains("MaxAllocationBytes = 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_concatenation_fits_a_budget_large_enough_for_it()
    {
        // 100 + 200 + 300 + 400 characters are built (2,000 characters, 4,000 bytes), and the list of one.
        Assert.Equal(400L, Evaluate("['" + new string('a', 100) + "'].map(s, s + s + s + s)[0].size()", new CelLimits { MaxAllocationBytes = 5000 }));
    }

    [Theory]
    [InlineData("[1, 2, 3] + [4, 5, 6] + [7, 8, 9] + [10, 11, 12]")]
    [InlineData("b'0123456789' + b'0123456789' + b'0123456789' + b'0123456789' + b'0123456789' + b'0123456789'")]
    [InlineData("{1: 1, 2: 2, 3: 3}.size() + {4: 4}.size() == 4")]
    [InlineData("[0, 1, 2, 3, 4, 5, 6, 7].map(x, [x, x, x])")]
    [InlineData("[0, 1, 2, 3, 4, 5, 6, 7].filter(x, x > 0)")]
    [InlineData("string(b'0123456789012345678901234567890123456789') + 'x'")]
    public void Lists_maps_bytes_and_function_results_are_charged(string text)
    {
        Assert.Equal(nameof(CelLimits.MaxAllocationBytes), Exceeds(text, new CelLimits { MaxAllocationBytes = 100 }).LimitName);
        Assert.IsNotType<CelError>(Evaluate(text));
    }

    [Fact]
    public void Values_read_or_returned_unchanged_cost_nothing()
    {
        // dyn(x) and string(s) return their argument: charging it again would make a loop over a large value fail.
        var text = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].all(i, string(dyn('" + new string('a', 400) + "')).size() == 400)";
        Assert.Equal(true, Evaluate(text, new CelLimits { MaxAllocationBytes = 300 }));
    }

    [Fact]
    public void Comprehension_iterations_are_charged_across_nested_loops()
    {
        var error = Exceeds("[1, 2, 3, 4, 5].all(x, [1, 2, 3, 4, 5].all(y, x * y > 0))", new CelLimits { MaxComprehensionIterations = 29 });
        Assert.Equal(nameof(CelLimits.MaxComprehensionIterations), error.LimitName);
        Assert.Equal(true, Evaluate("[1, 2, 3, 4, 5].all(x, [1, 2, 3, 4, 5].all(y, x * y > 0))", new CelLimits { MaxComprehensionIterations = 30 }));
    }

    [Fact]
    public void A_charge_that_does_not_fit_charges_nothing_and_names_the_limit()
    {
        var budget = new CelCostBudget(new CelLimits { MaxAllocationBytes = 100 }, new RegexCache());
        budget.ChargeString(10);
        Assert.Equal(CelCostBudget.HeaderBytes + 20, budget.AllocatedBytes);

        var error = Assert.Throws<CelLimitExceededException>(() => budget.ChargeList(long.MaxValue / 2));
        Assert.Equal(nameof(CelLimits.MaxAllocationBytes), error.LimitName);
        Assert.Equal(CelCostBudget.HeaderBytes + 20, budget.AllocatedBytes);

        budget.ChargeResult("new", ["other"]);
        var unchanged = "same";
        var before = budget.AllocatedBytes;
        budget.ChargeResult(unchanged, [unchanged]);
        Assert.Equal(before, budget.AllocatedBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => budget.ChargeBytes(-1));
    }

    [Fact]
    public void Regex_compilation_is_charged_per_pattern_and_per_evaluation()
    {
        var budget = new CelCostBudget(new CelLimits { MaxRegexProgramSize = 100, MaxRegexCompilationSize = 150 }, new RegexCache());
        Assert.Equal(nameof(CelLimits.MaxRegexProgramSize), Assert.Throws<CelLimitExceededException>(() => budget.ChargeRegexCompilation(101)).LimitName);
        budget.ChargeRegexCompilation(100);
        Assert.Equal(nameof(CelLimits.MaxRegexCompilationSize), Assert.Throws<CelLimitExceededException>(() => budget.ChargeRegexCompilation(51)).LimitName);
        budget.ChargeRegexCompilation(50);
        Assert.Equal(150, budget.RegexCompilation);
    }

    [Fact]
    public void A_pattern_whose_unrolled_automaton_is_too_large_is_refused_before_it_compiles()
    {
        var error = Exceeds("'ab'.matches('((a|b){100}){100}')", CelLimits.Default);
        Assert.Equal(nameof(CelLimits.MaxRegexProgramSize), error.LimitName);
        Assert.Equal(true, Evaluate("'ab'.matches('^(a|b){2}$')"));
    }

    [Fact]
    public void Already_compiled_patterns_cost_nothing_in_later_evaluations()
    {
        var environment = CelEnvironment.Create(new CelLimits { MaxRegexCompilationSize = 400 });
        var compiled = environment.Compile("'ab'.matches('(a|b){100}')");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(false, environment.Evaluate(compiled, Activation.Empty));
        }

        // Two distinct patterns of about 300 instructions each do not fit one evaluation of 400.
        var two = environment.Compile("'ab'.matches('(a|b){100}') || 'ab'.matches('(b|a){100}')");
        Assert.Equal(nameof(CelLimits.MaxRegexCompilationSize), Assert.Throws<CelLimitExceededException>(() => environment.Evaluate(two, Activation.Empty)).LimitName);
    }

    [Fact]
    public void Each_expression_has_its_own_regex_cache_so_one_cannot_fill_it_for_the_others()
    {
        var environment = CelEnvironment.Create(new CelLimits { MaxRegexCompilationSize = 1_000_000 });
        var flood = environment.Compile("[" + string.Join(", ", Enumerable.Range(0, 600).Select(i => $"'x{i}'")) + "].exists(p, 'y'.matches(p))");
        var ordinary = environment.Compile("'ab'.matches('^a')");

        Assert.Equal(false, environment.Evaluate(flood, Activation.Empty));
        Assert.Equal(true, environment.Evaluate(ordinary, Activation.Empty));

        Assert.Equal(RegexCache.Capacity, flood.Regexes.Count);
        Assert.Equal(1, ordinary.Regexes.Count);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("a|b", 3)]
    [InlineData("(a|b){100}", 300)]
    [InlineData("(a|b){2,5}c", 16)]
    [InlineData("a{3,}", 4)]
    [InlineData("((a{10}){10}){10}", 1000)]
    [InlineData(@"[a-z\]]+\p{Greek}{4}\Q{99}\E", 7)]
    [InlineData("a{999999999999}{999999999999}", long.MaxValue / 4)]
    public void Program_size_unrolls_counted_repetitions(string pattern, long expected)
    {
        Assert.Equal(expected, Re2ProgramSize.Estimate(pattern));
    }
}
