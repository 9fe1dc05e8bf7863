package io.github.ticdcfake.samples;

import java.time.Duration;

/**
 * One changefeed of the list, with its replication lag: PD's current time minus the physical part
 * of {@code checkpoint_tso}.
 *
 * @param id the changefeed id
 * @param state the state as the list shows it ({@code normal}, {@code stopped}, {@code warning},
 *     {@code failed}, {@code finished})
 * @param checkpointTso the checkpoint TSO
 * @param lag how far the checkpoint trails PD's clock
 * @param errorCode the changefeed's error code, empty if none
 */
public record ChangefeedSummary(
    String id, String state, long checkpointTso, Duration lag, String errorCode) {}
