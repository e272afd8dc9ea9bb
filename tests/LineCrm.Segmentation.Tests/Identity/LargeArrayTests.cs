using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// The graph's large columns are made uninitialized (so that huge-page advice comes before their pages are written)
/// and cleared afterwards: they must read as zeros where <c>new T[]</c> would, and keep their contents when grown.
/// </summary>
public sealed class LargeArrayTests
{
    // 16 MiB of longs: past the size from which the advice is given.
    private const int Large = 2 << 20;

    [Theory]
    [InlineData(100)]
    [InlineData(Large)]
    public void A_new_array_is_all_zeros(int length)
    {
        // Dirty memory the collector may hand out again, so that an array that skipped clearing would show it.
        var dirty = new long[Large];
        Array.Fill(dirty, -1L);
        GC.KeepAlive(dirty);

        var array = LargeArray.New<long>(length);

        Assert.Equal(length, array.Length);
        Assert.True(array.AsSpan().IndexOfAnyExcept(0L) < 0);
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(1_000, Large)]
    [InlineData(Large, (3 * Large) / 2)]
    [InlineData(Large, 1_000)]
    public void A_resized_array_keeps_what_it_held_and_is_zero_beyond(int from, int to)
    {
        var array = new int[from];
        for (var i = 0; i < from; i++)
        {
            array[i] = i + 1;
        }

        LargeArray.Resize(ref array, to);

        Assert.Equal(to, array.Length);
        var kept = Math.Min(from, to);
        for (var i = 0; i < kept; i++)
        {
            Assert.Equal(i + 1, array[i]);
        }

        Assert.True(array.AsSpan(kept).IndexOfAnyExcept(0) < 0);
    }
}
