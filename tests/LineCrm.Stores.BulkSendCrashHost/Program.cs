using System.Globalization;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Stores.Sqlite;

// Usage: BulkSendCrashHost <api base> <data api base> <token> <sqlite file> <job id> <recipients>
// Sends (or resumes) the job of <recipients> users U000…0 to U…(n-1) in chunks of 100, 8 at a time, checkpointing
// into the store, until every chunk is accepted; then prints "done <accepted recipients>" and exits 0.
var api = new Uri(args[0]);
var dataApi = new Uri(args[1]);
var token = args[2];
var storePath = args[3];
var jobId = Guid.Parse(args[4]);
var recipients = int.Parse(args[5], CultureInfo.InvariantCulture);

var options = new LineMessagingOptions { ApiBaseAddress = api, DataApiBaseAddress = dataApi, ChannelAccessToken = token };
options.Retry.MaxRetries = 10;
options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
using var http = new HttpClient();
using var client = new LineMessagingClient(http, options);
await using var store = new SqliteStore(new SqliteStoreOptions { Path = storePath });

var users = Enumerable.Range(0, recipients).Select(i => $"U{i:x32}");
var job = BulkSendJob.Create(jobId, users, [new TextMessage("冬のセール: 本日から")], chunkSize: 100);
var bulk = new BulkSendOptions { CheckpointStore = store.BulkSendCheckpoints, MaxConcurrency = 8 };
for (var pass = 0; pass < 20 && !job.IsComplete; pass++)
{
    // A chunk that failed after the client's retries (the fake's fault mix) is resent with its key on the next pass.
    job = await client.SendBulkAsync(job, bulk);
}

Console.WriteLine(job.IsComplete ? $"done {job.AcceptedRecipients}" : $"incomplete {job.AcceptedRecipients}");
return job.IsComplete ? 0 : 1;
