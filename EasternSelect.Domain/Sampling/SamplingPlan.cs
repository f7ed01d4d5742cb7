namespace EasternSelect.Domain.Sampling;

public sealed record SamplingPlan(char CodeLetter, int SampleSize, int Accept, int Reject);
