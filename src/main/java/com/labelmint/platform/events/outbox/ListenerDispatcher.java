package com.labelmint.platform.events.outbox;

import com.labelmint.platform.events.DomainEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Hands events to their {@code @Observes} methods, one transaction per listener (for all the events
 * delivered together), with an inbox record per event in that transaction so that a redelivered
 * event does not run a listener twice.
 *
 * <p>Plain {@code Event.fire} would run every observer in one go: one throwing observer would stop
 * the rest and nobody could tell which had run. Resolving the observers and notifying each one
 * separately is what makes "a throwing observer is retried, the others are not run twice" true.
 */
@ApplicationScoped
public class ListenerDispatcher {

    private static final Logger LOG = Logger.getLogger(ListenerDispatcher.class);

    private final BeanManager beanManager;
    private final InboxStore inbox;
    private final Map<Class<?>, List<Listener>> listenersByEventClass = new ConcurrentHashMap<>();
    /** Per bean, not per listener: one bean's observers of different events work on the same rows. */
    private final Map<Class<?>, Lock> batchLocksByBean = new ConcurrentHashMap<>();

    ListenerDispatcher(BeanManager beanManager, InboxStore inbox) {
        this.beanManager = beanManager;
        this.inbox = inbox;
    }

    /**
     * Delivers events that arrived together: each listener gets, in one transaction, all of them it has not
     * handled yet (their inbox records claimed in one statement), instead of one transaction per event. Should
     * the listener throw on any of them, that transaction rolls back whole and the listener gets the events again
     * one at a time, each in a transaction of its own, so a failure still holds back only the event that caused it.
     *
     * @return per event id, the failures; an event that every listener has now handled maps to an empty list
     */
    public Map<UUID, List<String>> dispatchAll(List<DomainEvent> events) {
        Map<UUID, List<String>> failures = new LinkedHashMap<>();
        Map<Listener, List<DomainEvent>> eventsByListener = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            failures.put(event.eventId(), new ArrayList<>());
            for (Listener listener : listenersOf(event)) {
                eventsByListener.computeIfAbsent(listener, key -> new ArrayList<>()).add(event);
            }
        }
        eventsByListener.forEach((listener, itsEvents) -> {
            if (itsEvents.size() == 1 || !deliverTogether(listener, itsEvents)) {
                itsEvents.forEach(event -> deliverAlone(listener, event, failures.get(event.eventId())));
            }
        });
        return failures;
    }

    private void deliverAlone(Listener listener, DomainEvent event, List<String> failures) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.claim(listener.id(), event.eventId())) {
                    listener.observer().notify(new Context<>(event));
                }
            });
        } catch (RuntimeException e) {
            Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
            LOG.debugf(cause, "Listener %s failed on event %s", listener.id(), event.eventId());
            failures.add(listener.id() + ": " + cause);
        }
    }

    /**
     * @return whether the listener handled every event; if not, none of it committed. One batch per listener at a
     * time on this instance (per bean): a batch holds its rows' locks until it commits, and two batches of one bean's
     * listeners (two relay threads) touching the same rows in different orders waited for each other or deadlocked
     * (bench/RESULTS.md)
     */
    private boolean deliverTogether(Listener listener, List<DomainEvent> events) {
        listener.batches().lock();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<UUID> claimed = inbox.claimAll(listener.id(), events.stream().map(DomainEvent::eventId).toList());
                for (DomainEvent event : events) {
                    if (claimed.contains(event.eventId())) {
                        listener.observer().notify(new Context<>(event));
                    }
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Listener %s failed on a batch of %d events; delivering them one at a time", listener.id(), events.size());
            return false;
        } finally {
            listener.batches().unlock();
        }
    }

    private List<Listener> listenersOf(DomainEvent event) {
        return listenersByEventClass.computeIfAbsent(event.getClass(), type -> resolve(event));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Listener> resolve(DomainEvent event) {
        Set<ObserverMethod<? super DomainEvent>> observers = beanManager.resolveObserverMethods(event);
        List<Listener> listeners = new ArrayList<>();
        for (ObserverMethod<? super DomainEvent> observer : observers) {
            if (observer.isAsync() || !DomainEvent.class.isAssignableFrom(rawType(observer.getObservedType()))) {
                continue; // framework observers of Object, or async observers, are not event-bus listeners
            }
            String id = observer.getBeanClass().getName() + "#" + rawType(observer.getObservedType()).getSimpleName();
            if (listeners.stream().anyMatch(known -> known.id().equals(id))) {
                throw new IllegalStateException(observer.getBeanClass().getName()
                        + " observes " + id + " twice; its inbox could not tell the two apart");
            }
            listeners.add(new Listener(id, (ObserverMethod) observer,
                    batchLocksByBean.computeIfAbsent(observer.getBeanClass(), bean -> new ReentrantLock())));
        }
        listeners.sort(Comparator.comparing(Listener::id));
        return List.copyOf(listeners);
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawType(p.getRawType());
        }
        return Object.class;
    }

    private record Listener(String id, ObserverMethod<DomainEvent> observer, Lock batches) {
    }

    private record Context<T>(T event) implements EventContext<T>, EventMetadata {
        @Override
        public T getEvent() {
            return event;
        }

        @Override
        public EventMetadata getMetadata() {
            return this;
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of();
        }

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }

        @Override
        public Type getType() {
            return event.getClass();
        }
    }
}
