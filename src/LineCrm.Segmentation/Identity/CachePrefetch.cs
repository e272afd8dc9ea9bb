using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Asks the processor to start loading a cache line that a batch will read soon. Lookups in tables of millions of
/// entries wait mostly on memory; a batch that prefetches a block of entries in a tight loop before reading them
/// waits for their misses side by side instead of one after another.
/// </summary>
/// <remarks>
/// A plain read whose value goes unused may be dropped by the compiler, so this uses the prefetch instruction. It
/// takes an address and never faults: if the garbage collector moves the array in between, the prefetch is merely
/// wasted. Where the instruction is not available this does nothing.
/// </remarks>
internal static class CachePrefetch
{
    /// <summary>Starts loading the cache line that holds <paramref name="location"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Line<T>(ref T location)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
    }
}
