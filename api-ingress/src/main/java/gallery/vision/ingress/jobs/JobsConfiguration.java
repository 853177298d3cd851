package gallery.vision.ingress.jobs;

import gallery.vision.common.image.BudgetedDecoder;
import gallery.vision.common.jobs.AnalysisFailures;
import gallery.vision.common.storage.BlobStore;
import gallery.vision.ingress.dispatch.StoredAnswers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Asynchronous jobs, alike in both modes but for the {@link JobLauncher} each mode provides. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
public class JobsConfiguration {

    @Bean
    AnalysisFailures analysisFailures(BlobStore store, JsonMapper json) {
        return new AnalysisFailures(store, json, Clock.systemUTC());
    }

    @Bean
    JobService jobService(BudgetedDecoder decoder, BlobStore store, JsonMapper json, StoredAnswers answers,
                          AnalysisFailures failures, JobLauncher launcher, JobProperties properties) {
        return new JobService(decoder, new JobRecords(store, json), new JobReports(answers, failures, launcher),
                launcher, Clock.systemUTC(), properties.ttl());
    }

    @Bean
    JobWaits jobWaits(JobService jobs, JobLauncher launcher, JobProperties properties) {
        return new JobWaits(jobs, launcher, properties.waitRecheck());
    }

    @Bean
    JobSweeper jobSweeper(JobService jobs, JobProperties properties) {
        return new JobSweeper(jobs, properties.sweepInterval());
    }
}
