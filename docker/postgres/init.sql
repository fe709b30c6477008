-- One database per service: services share nothing but Kafka events.
CREATE DATABASE incidents;
CREATE DATABASE prosecution;
CREATE DATABASE disputes;
CREATE DATABASE high_risk_persons;
CREATE DATABASE oversight;
CREATE DATABASE notifications;
CREATE DATABASE security_ledger;
CREATE DATABASE gateway;
