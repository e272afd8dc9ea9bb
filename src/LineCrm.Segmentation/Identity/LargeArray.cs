using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Makes the identity graph's large columns (key-table slots, forest, link columns), asking Linux for transparent
/// huge pages on them (<c>madvise(MADV_HUGEPAGE)</c>). The graph reads these columns at random: with 4 KiB pages
/// nearly every cache miss is also a TLB miss and a page walk, which a 2 MiB page saves. The advice is given before
/// the array's pages are first written, so that the kernel backs them with huge pages as they fault in; elsewhere
/// (another OS, huge pages off, a small array) the array is simply an array.
/// </summary>
/// <remarks>
/// The AppContext switch <c>LineCrm.Identity.DisableHugePages</c> (runtimeconfig or <see cref="AppContext.SetSwitch"/>
/// before the first graph is made) turns the advice off, for measuring it. Large arrays live on the large-object
/// heap, which the garbage collector does not move unless asked to compact it; if it does, the advice merely stays
/// with the old addresses.
/// </remarks>
internal static partial class LargeArray
{
    // Below this an array spans too few 2 MiB pages to gain anything.
    private const long AdviseFrom = 8L << 20;
    private const long HugePage = 2L << 20;
    private const int MadvHugePage = 14;

    private static readonly bool Advise = OperatingSystem.IsLinux()
        && !(AppContext.TryGetSwitch("LineCrm.Identity.DisableHugePages", out var disabled) && disabled);

    /// <summary>A zeroed array of <paramref name="length"/> elements.</summary>
    public static T[] New<T>(int length)
        where T : unmanaged
    {
        if (!Advise || (long)length * Unsafe.SizeOf<T>() < AdviseFrom)
        {
            return new T[length];
        }

        // Uninitialized, so the allocation writes none of its pages before the advice; cleared after it.
        var array = GC.AllocateUninitializedArray<T>(length);
        AdviseHugePages(array);
        array.AsSpan().Clear();
        return array;
    }

    /// <summary>As <see cref="Array.Resize{T}(ref T[], int)"/>, the new array made by <see cref="New{T}(int)"/>.</summary>
    public static void Resize<T>(ref T[] array, int length)
        where T : unmanaged
    {
        if (array.Length == length)
        {
            return;
        }

        if (!Advise || (long)length * Unsafe.SizeOf<T>() < AdviseFrom)
        {
            Array.Resize(ref array, length);
            return;
        }

        var grown = GC.AllocateUninitializedArray<T>(length);
        AdviseHugePages(grown);
        var kept = Math.Min(array.Length, length);
        array.AsSpan(0, kept).CopyTo(grown);
        grown.AsSpan(kept).Clear();
        array = grown;
    }

    private static unsafe void AdviseHugePages<T>(T[] array)
        where T : unmanaged
    {
        var start = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var end = start + ((long)array.Length * sizeof(T));
        var first = (start + HugePage - 1) & ~(HugePage - 1);
        var last = end & ~(HugePage - 1);
        if (last > first)
        {
            // Advice only: a kernel without transparent huge pages refuses it, and a C library that does not resolve
            // as "libc" leaves it ungiven; either way the array stays as it is.
            try
            {
                _ = MAdvise((nint)first, (nuint)(last - first), MadvHugePage);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(nint address, nuint length, int advice);
}
