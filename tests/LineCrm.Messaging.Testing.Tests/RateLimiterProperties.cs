using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>
/// The rate limiter against the plain meaning of "at most L requests per window W", checked over random request
/// times: a request is refused only when L were let through within the last W, always let through when fewer were,
/// and a refusal's wait is within the window.
/// </summary>
public sealed class RateLimiterProperties
{
    [Property(MaxTest = 300)]
    public Property A_refusal_means_the_limit_was_reached_within_the_last_window() =>
        Prop.ForAll(
            Gen.Choose(1, 5).ToArbitrary(),
            Gen.Choose(1, 2000).ToArbitrary(),
            Gen.Choose(0, 60).SelectMany(count => Gen.ArrayOf(Gen.Choose(0, 700), count)).ToArbitrary(),
            (limit, windowMs, gapsMs) =>
            {
                var clock = new FakeTimeProvider();
                var limiter = new FakeLineRateLimiter(clock);
                var window = TimeSpan.FromMilliseconds(windowMs);
                limiter.Set(new FakeLineRateLimit(limit, window, "pushMessage"));
                var accepted = new List<DateTimeOffset>();
                foreach (var gap in gapsMs)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(gap));
                    var now = clock.GetUtcNow();
                    var recent = accepted.Count(at => at > now - window);
                    var refusal = limiter.TryAcquire("pushMessage");
                    if (refusal is { } refused)
                    {
                        if (recent < limit || refused.RetryAfter <= TimeSpan.Zero || refused.RetryAfter > window)
                        {
                            return false;
                        }
                    }
                    else
                    {
                        accepted.Add(now);
                    }

                    if (limiter.TryAcquire("getMessageQuota") is not null)
                    {
                        return false; // an operation without a limit of its own is never refused
                    }
                }

                return true;
            });
}
