using System.Globalization;

namespace LineCrm.Samples.Analysis.Reports;

/// <summary>
/// Round axis ticks for a range: a step of 1, 2, 2.5 or 5 times a power of ten, the first tick at or below the lowest
/// value and the last at or above the highest, 4 to 7 ticks in all (a reader takes in 0, 10M, 20M, 30M at a glance;
/// 22,383,900 they have to read).
/// </summary>
internal sealed record AxisTicks(double Step, IReadOnlyList<double> Values)
{
    private static readonly double[] Multipliers = [1, 2, 2.5, 5, 10];

    /// <summary>The first tick (the axis' low end).</summary>
    public double Low => Values[0];

    /// <summary>The last tick (the axis' high end).</summary>
    public double High => Values[^1];

    /// <summary>Ticks covering [<paramref name="min"/>, <paramref name="max"/>]; an empty range is widened to one unit.</summary>
    public static AxisTicks For(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"The range must be finite, got [{min}, {max}].");
        }

        (min, max) = (Math.Min(min, max), Math.Max(min, max));
        if (max - min <= Math.Max(1, Math.Abs(max)) * 1e-12)
        {
            max = min + Math.Max(1, Math.Abs(min) * 0.1);
        }

        // Aim for five intervals: the step is the first nice one at least range/5, and nice multipliers are at most
        // twice apart, so it is under range/2.5: three intervals at least and, with both ends rounded out, six at most.
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Multipliers.Select(m => m * magnitude).First(s => s >= raw * (1 - 1e-12));
        // Round outwards, then correct by one step where division rounding went either way: the end ticks are the
        // products drawn, and they must cover the data (-0.18000000000000002 / 0.02 rounds to exactly -9, whose
        // product -0.18 lies inside the range).
        var first = Math.Floor(min / step);
        if ((first + 1) * step <= min)
        {
            first++;
        }
        else if (first * step > min)
        {
            first--;
        }

        var last = Math.Ceiling(max / step);
        if ((last - 1) * step >= max)
        {
            last--;
        }
        else if (last * step < max)
        {
            last++;
        }
        var values = new List<double>();
        for (var i = first; i <= last; i++)
        {
            values.Add(i * step);
        }

        return new AxisTicks(step, values);
    }

    /// <summary>A tick's label: grouped thousands, with as many decimals as the step needs and no more.</summary>
    public string Label(double value)
    {
        var decimals = 0;
        while (decimals < 10 && Math.Abs((Step * Math.Pow(10, decimals)) - Math.Round(Step * Math.Pow(10, decimals))) > 1e-9 * Math.Pow(10, decimals))
        {
            decimals++;
        }

        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
