package io.tokenmaxx.gateway;
